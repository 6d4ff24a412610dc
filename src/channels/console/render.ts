/**
 * Renders the reply model as terminal text. Text that people typed is stripped of control
 * characters, so nobody can move the cursor, clear the screen or recolour the terminal.
 */
import { labelText, spanText, type Block, type Reply, type Span } from '../../conversation/reply.js';

/** Letters that stand for buttons in the console: type "a" to press the first. */
export const BUTTON_KEYS = 'abcdefghijklmnopqrstuvwxyz';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes terminal control characters (including ESC) but keeps line breaks and tabs. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

function spans(items: Span[], ansi: boolean): string {
  return items
    .map((span) => {
      const text = stripControl(spanText(span));
      if (!ansi) return text;
      const style = span.type === 'command' ? span.style : span.type;
      if (style === 'bold') return `\u001b[1m${text}\u001b[22m`;
      if (style === 'italic') return `\u001b[3m${text}\u001b[23m`;
      return text;
    })
    .join('');
}

function block(item: Block, ansi: boolean): string {
  switch (item.type) {
    case 'paragraph':
      return spans(item.spans, ansi);
    case 'list':
      return item.items.map((entry, i) => `  ${item.ordered ? `${i + 1}.` : '•'} ${spans(entry, ansi)}`).join('\n');
    case 'quote':
      return stripControl(item.text)
        .split('\n')
        .map((line) => `  │ ${line}`)
        .join('\n');
  }
}

/** The message as terminal lines; buttons become "[a] Setuju" choices. */
export function renderConsole(message: Reply, options: { ansi: boolean }): string {
  const text = message.blocks.map((item) => block(item, options.ansi)).join('\n\n');
  const buttons = message.buttons.flat();
  if (buttons.length === 0) return text;
  const choices = buttons.map((button, i) => `[${BUTTON_KEYS[i] ?? '?'}] ${stripControl(labelText(button.label))}`).join('   ');
  return `${text}\n\n  ${choices}`;
}
