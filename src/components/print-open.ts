// Deep dives print open: the print style sheet shows a closed <details>' text where the browser
// supports ::details-content; elsewhere the closed ones are opened for the print and closed again.
function openForPrint(): void {
  const closed = [...document.querySelectorAll<HTMLDetailsElement>('.deep-dive-details:not([open])')];
  for (const details of closed) details.open = true;
  addEventListener('afterprint', () => closed.forEach((details) => (details.open = false)), { once: true });
}

addEventListener('beforeprint', openForPrint);
