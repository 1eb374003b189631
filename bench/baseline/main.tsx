/** The benchmark baseline: the smallest React page with a usable `URL` field (bench/first-load.ts). */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function Baseline() {
  const [url, setUrl] = useState('');
  return <input aria-label="URL" value={url} onChange={(e) => setUrl(e.target.value)} />;
}

createRoot(document.getElementById('root')!).render(<Baseline />);
