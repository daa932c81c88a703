// next/link for the bench: the renderer links task keys with it, which a Node render need not route.
import { createElement } from 'react';

export default function Link({ href, children, ...props }) {
  return createElement('a', { href, ...props }, children);
}
