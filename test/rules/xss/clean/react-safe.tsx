// expect: none
'use client';
import DOMPurify from 'dompurify';
import { useSearchParams } from 'next/navigation';

export function Notice({ html }: { html: string }) {
  const searchParams = useSearchParams();
  const message = searchParams.get('message') ?? '';
  return (
    <>
      <div className="notice">{message}</div>
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(message) }} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify({ '@type': 'Organization' }) }} />
    </>
  );
}
