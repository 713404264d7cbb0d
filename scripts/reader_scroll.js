// Scroll the page to an element a screen at a time, as a reader paging down would, and
// resolve with the time (performance.now()) it arrived in the middle of the window.
// A jump straight to it (scrollIntoView) would land by the estimated heights of sections the
// browser has not laid out yet (content-visibility: auto in _static/cfr.css) and can miss it.
// Used by the browser tests (tests/test_browser.py, tests/test_figures.py) and `make bench`.
async (el) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (let step = 0; step < 1000; step++) {
    const box = el.getBoundingClientRect();
    const off = box.top - Math.max(0, (innerHeight - box.height) / 2);
    if (Math.abs(off) < 2) return performance.now();
    const before = scrollY;
    scrollBy(0, Math.sign(off) * Math.min(Math.abs(off), innerHeight * 0.8));
    await frame();
    if (scrollY === before) return performance.now();  // the page ends: as far as it goes
  }
  throw new Error("could not scroll to the element");
}
