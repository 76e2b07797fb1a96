// An embedded widget page tells the page around it how tall it is, whenever that changes, so the
// <iframe> can fit its content without scroll bars (the teachers' guide gives the few lines the
// outer page needs to listen). Sent to any origin: the height is all it says.
import { HEIGHT_MESSAGE } from './embed';

export function reportHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height, href: location.href }, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
