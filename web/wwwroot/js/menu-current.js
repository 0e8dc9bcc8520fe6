// On a phone the menu is one row scrolled sideways: the page one is on is brought into its view, not left off-screen.
(() => {
  const nav = document.querySelector('.topbar nav');
  const current = nav?.querySelector('a.active');
  if (!nav || !current || nav.scrollWidth <= nav.clientWidth) return;
  const offset = current.getBoundingClientRect().left - nav.getBoundingClientRect().left;
  nav.scrollLeft += offset - (nav.clientWidth - current.offsetWidth) / 2;
})();
