// A widget's .astro props are its settings as the lesson author wrote them. They go through
// the same parse…Config() as data-* attributes and links; a notice here is the author's
// mistake, so the build fails and says which widget and which setting.
import type { ConfigSource } from '../../experiments/settings/source';

export function configFromProps<C>(
  widget: string,
  props: Record<string, unknown>,
  parse: (source: ConfigSource) => { config: C; notices: string[] },
): C {
  const given = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const { config, notices } = parse(given);
  if (notices.length) throw new Error(`<${widget}>: ${notices.join(' ')}`);
  return config;
}

/** A config's serialised settings as data-* attributes on the widget's element (learningRate → data-learning-rate). */
export function dataAttributes(settings: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...settings].map(([k, v]) => [`data-${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, v]));
}
