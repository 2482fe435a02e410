import type { OutboxEntry } from './simulator.interfaces.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}pre{margin:0;white-space:pre-wrap;word-break:break-word;font-family:inherit}
.muted{color:#777;font-size:.85em}`;

function row(e: OutboxEntry): string {
  const cells = [
    `${escapeHtml(e.at)}`,
    // Instant rows stay as they were; scheduled-order rows say which shipment of the chain they are.
    escapeHtml(e.channel.toUpperCase()) +
      (e.type === 'Instant' ? '' : `<div class="muted">${escapeHtml(e.type)}</div>`),
    `${escapeHtml(e.to)}<div class="muted">from ${escapeHtml(e.from)}</div>`,
    e.subject === undefined ? '' : escapeHtml(e.subject),
    `<pre>${escapeHtml(e.body)}</pre>`,
    `${escapeHtml(e.status)}${e.persisted ? '' : '<div class="muted">not stored (duplicate or aborted)</div>'}` +
      (e.state === 'scheduled' ? '<div class="muted">scheduled</div>' : ''),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/** A mail-catcher style page: plain HTML, no scripts, no external assets; refreshes itself every 5 s. */
export function outboxHtml(entries: readonly OutboxEntry[]): string {
  const rows =
    entries.length === 0
      ? '<tr><td colspan="6" class="muted">No messages yet.</td></tr>'
      : entries.map(row).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Altinn simulator outbox</title><style>${STYLE}</style></head>
<body><h1>Altinn simulator outbox</h1>
<p class="muted">${entries.length} message(s): scheduled ones first (soonest first), then sent ones (newest first). JSON: <a href="/outbox.json">/outbox.json</a></p>
<table><thead><tr><th>Time</th><th>Channel</th><th>Recipient</th><th>Subject</th><th>Body</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}
