// A column of numbers (td.num, right-aligned) gets its header right-aligned over them too, on every table, so a header
// never sits at the left edge of a column whose figures end at the right. Rows with merged cells are not judged.
(() => {
  for (const table of document.querySelectorAll('table')) {
    const head = table.tHead?.rows[0];
    if (!head) continue;
    const rows = [...table.tBodies].flatMap(b => [...b.rows]).filter(r => r.cells.length === head.cells.length);
    if (rows.length === 0) continue;
    [...head.cells].forEach((th, i) => {
      if (rows.every(r => r.cells[i].classList.contains('num'))) th.classList.add('num');
    });
  }
})();
