// fix: Sanitize with DOMPurify
'use client';
import { useSearchParams } from 'next/navigation';
import DOMPurify from 'dompurify';

export function Notice() {
  const message = useSearchParams().get('message') ?? '';
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(message) }} />;
}
