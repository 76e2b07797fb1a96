// The lab's code editor: CodeMirror 6 with only what a student needs — JavaScript highlighting,
// line numbers, bracket matching, undo, auto-indent — coloured from the site's own CSS variables,
// so light and dark follow the reader's scheme. Loaded with the exercise's script, never at
// page start-up (hydrate.ts), which keeps every page inside the start-up budget.
//
// Tab indents. It does not trap keyboard users: CodeMirror's escape hatch is Esc then Tab (the
// Tab right after Esc moves focus on), and Ctrl-M (Shift-Alt-M on macOS) switches Tab to
// moving focus until pressed again. The exercise says so beside the editor.
import { EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg)', fontSize: '0.9rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)' },
  // The focus ring is drawn on the shadow host (CodeExercise.astro), where the page sees focus.
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--fg)', padding: '0.5rem 0' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--rule)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 16%, transparent)', color: 'var(--fg)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--c-green) 30%, transparent)', outline: '1px solid var(--c-green)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'color-mix(in srgb, var(--c-vermillion) 30%, transparent)' },
});

// The colour-blind-safe palette's text shades (AA contrast on the page background in both schemes).
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], color: 'var(--c-purple-text)', fontWeight: '600' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--c-green-text)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--c-vermillion-text)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))], color: 'var(--c-blue-text)' },
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--c-sky-text)' },
]);

export interface LabEditor {
  view: EditorView;
  text(): string;
  /** Replaces the whole text as one undoable change. */
  replace(text: string): void;
  /** Puts the cursor at a line and column (1-based) and focuses the editor. */
  goTo(line: number, column: number): void;
}

/**
 * The editor lives in a shadow root. CodeMirror adds its styles at run time; in a document it
 * does so with <style> elements, which the pages' Content-Security-Policy (style-src 'self' plus
 * build-time hashes) rightly blocks, while in a shadow root it uses a constructed stylesheet
 * (adoptedStyleSheets), which is not an inline style. The site's CSS variables still reach in.
 */
export function createEditor(parent: HTMLElement, doc: string, label: string, onChange: () => void): LabEditor {
  const host = document.createElement('div');
  host.className = 'lab-editor-host';
  parent.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    javascript(),
    syntaxHighlighting(highlight),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorState.tabSize.of(2),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange();
    }),
    theme,
  ];
  const view = new EditorView({ root, parent: container, state: EditorState.create({ doc, extensions }) });
  // Tab indents, which would trap a reader who tabs through the page. So when the editor is
  // reached by keyboard rather than by pointer, Tab keeps moving focus until the reader presses any
  // other key (CodeMirror's temporary tab-focus mode); Esc then Tab always leaves.
  let pointer = false;
  host.addEventListener('pointerdown', () => { pointer = true; }, true);
  view.contentDOM.addEventListener('focus', () => {
    if (!pointer) view.setTabFocusMode(10 * 60 * 1000);
    pointer = false;
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    replace(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    goTo(line, column) {
      const doc = view.state.doc;
      const at = doc.line(Math.min(Math.max(1, line), doc.lines));
      const pos = Math.min(at.from + Math.max(0, column - 1), at.to);
      view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
      view.focus();
    },
  };
}
