// jsdom has no matchMedia; Ant Design's responsive helpers (tables, pickers) ask it.
if (typeof window !== 'undefined' && !window.matchMedia)
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;

// jsdom implements getComputedStyle without pseudo-elements (rc-table measures the scrollbar's)
if (typeof window !== 'undefined') {
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
}

// nor ResizeObserver (the date pickers' popups measure themselves)
if (typeof window !== 'undefined' && !('ResizeObserver' in window))
  (window as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
