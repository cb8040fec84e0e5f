import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, vi } from 'vitest';

// Component tests (jsdom): the virtual tables scroll, and each test installs its own fake bridge.
if (typeof window !== 'undefined') {
  beforeEach(() => {
    vi.stubGlobal('scrollTo', () => {});
  });
  afterEach(() => {
    delete window.coopdesk;
  });
}
