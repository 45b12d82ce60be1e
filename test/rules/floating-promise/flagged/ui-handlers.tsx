// A component's async helpers that can reject: a dropped promise leaves the user with no word of the failure.
import { useEffect } from 'react';
import axios from 'axios';

export function Map({ onKey }: { onKey: (key: string) => void }) {
  useEffect(() => {
    const fetchKey = async () => {
      const { data } = await axios.get('/api/config/google');
      onKey(data);
    };
    fetchKey(); // expect: floating-promise:5
  }, [onKey]);

  const save = async (value: string) => {
    try {
      await axios.post('/api/config', { value });
    } catch (e) {
      throw new Error(`could not save: ${String(e)}`);
    }
  };

  return <button onClick={() => { save('x'); }} />; // expect: floating-promise:35
}
