'use client';

import { useState } from 'react';

// Only in the e2e suite's build (see ../server-error): a component that fails while rendering in
// the browser once its button is pressed, as a bug in any component would.
export default function ClientErrorProbe() {
  const [failing, setFailing] = useState(false);
  if (failing) throw new Error('e2e probe: a component failed while rendering in the browser');
  return (
    <main className="p-8">
      <h1 className="text-xl font-semibold">Client error probe</h1>
      <button type="button" onClick={() => setFailing(true)}>
        Fail while rendering
      </button>
    </main>
  );
}
