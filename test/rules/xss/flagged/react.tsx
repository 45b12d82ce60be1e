'use client';
import { useSearchParams } from 'next/navigation';

export function Notice() {
  const searchParams = useSearchParams();
  const message = searchParams.get('message') ?? '';
  return <div className="notice" dangerouslySetInnerHTML={{ __html: message }} />; // expect: xss:69
}
