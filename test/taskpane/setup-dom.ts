/**
 * jsdom stubs Fluent UI v9 (and the rubric loader) need, and jest-dom matchers. Import first in every task pane test.
 * jsdom lacks matchMedia, ResizeObserver and scrollIntoView; Fluent's positioning and motion
 * utilities call them.
 */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/dom';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

// jest-environment-jsdom 29 (jsdom 20) has no TextEncoder/TextDecoder; browsers and Office webviews do.
// src/rubric/hash.ts uses TextEncoder when a rubric is loaded.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.defineProperty(globalThis, 'TextEncoder', { writable: true, configurable: true, value: NodeTextEncoder });
  Object.defineProperty(globalThis, 'TextDecoder', { writable: true, configurable: true, value: NodeTextDecoder });
}

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      configurable: true,
      value: (query: string): MediaQueryList =>
        ({
          matches: false,
          media: query,
          onchange: null,
          addListener: () => undefined,
          removeListener: () => undefined,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
          dispatchEvent: () => false,
        }) as MediaQueryList,
    });
  }

  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
    Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
  }

  /*
   * Tabster (Fluent's keyboard-navigation layer) handles Tab itself and skips elements it thinks are
   * invisible: offsetParent === null, or a zero-sized <body>. jsdom has no layout, so both are always
   * "invisible" and Tab would go nowhere. Emulate layout just enough: an element is laid out unless
   * it or an ancestor has the `hidden` attribute (the only way the task pane hides content).
   */
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      if (this === this.ownerDocument.body || !this.isConnected || this.closest('[hidden]')) return null;
      return this.parentElement ?? null;
    },
  });
  const bodyRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 400, bottom: 800, width: 400, height: 800, toJSON: () => ({}) }) as DOMRect;
  Object.defineProperty(HTMLBodyElement.prototype, 'getBoundingClientRect', { configurable: true, value: bodyRect });

  if (!Element.prototype.scrollIntoView) {
    Element.prototype.scrollIntoView = function scrollIntoView() {};
  }
}

/*
 * Popup positioning (floating-ui inside @fluentui/react-positioning) calls getComputedStyle a few
 * hundred times per open popup; in jsdom, with Griffel's style rules, that costs seconds per click.
 * jsdom has no layout anyway, so positions are meaningless: make usePositioning a no-op. Popups
 * (the rubric Dropdown's listbox) still open, render and take focus as usual.
 */
jest.mock('@fluentui/react-positioning', () => ({
  ...jest.requireActual('@fluentui/react-positioning'),
  usePositioning: () => ({ targetRef: () => undefined, containerRef: () => undefined, arrowRef: () => undefined }),
}));

/*
 * Role queries normally check every candidate's ancestors with getComputedStyle to skip hidden
 * elements; under FluentProvider each call re-parses its ~20 KB theme rule (≈4 ms in jsdom), which
 * made a single getByRole('button') take most of a second. Skip that check: Fluent does not render
 * closed popups or collapsed panels at all, and tests that care about hidden content assert it
 * explicitly with toBeVisible() / not.toBeVisible().
 */
configure({ defaultHidden: true });

jest.setTimeout(30000);
