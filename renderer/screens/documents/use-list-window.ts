import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** The screen's one scroll area (the shell's content pane); the page itself outside the shell. */
function scrollerOf(element: HTMLElement): HTMLElement {
  return element.closest<HTMLElement>('.content') ?? (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * Which part of a long list is in view when the list does not scroll in a box of its own but
 * with the screen: `top` is how far the list's body has been scrolled past the top of the screen's
 * scroll area (0 while it starts below it), `height` how much of it the screen shows at most.
 * A new `key` (another filter) brings the list's start back into view when it was scrolled past.
 */
export function useListWindow(body: RefObject<HTMLElement | null>, list: RefObject<HTMLElement | null>, key: string): { top: number; height: number } {
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const element = body.current;
    if (element === null) return undefined;
    const scroller = scrollerOf(element);
    let frame = 0;
    const measure = () => {
      frame = 0;
      const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      const next = { top: Math.max(0, -offset), height: scroller.clientHeight };
      setView((current) => (current.top === next.top && current.height === next.height ? current : next));
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(scroller);
    measure();
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [body]);

  const firstKey = useRef(true);
  useLayoutEffect(() => {
    if (firstKey.current) {
      firstKey.current = false;
      return;
    }
    const element = list.current;
    if (element === null) return;
    const scroller = scrollerOf(element);
    const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    if (offset < 0) scroller.scrollTop += offset;
  }, [key, list]);
  return view;
}
