// expect: none
import { useState } from 'react';

export function Dice() {
  const [value, setValue] = useState(1);
  const roll = () => setValue(Math.floor(Math.random() * 6) + 1);
  const id = `dice-${Math.random().toString(36).slice(2)}`;
  return <button id={id} onClick={roll}>{value}</button>;
}
