// The Entities view in the Explorer: entities grouped by kind (people by
// surname, as the server sorts them) with their counts; an entity expands to
// its references in transcripts and, apart, in the registry, by document;
// each row is a line of context with the reference's kind.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type DocumentMentions, type EntitySummary, type MentionRow, Requests } from '../../server/src/lsp/protocol';
import { toLocation } from './convert';

const GROUPS: { kind: EntitySummary['kind']; label: string; icon: string }[] = [
  { kind: 'person', label: 'People', icon: 'person' },
  { kind: 'org', label: 'Organisations', icon: 'organization' },
  { kind: 'place', label: 'Places', icon: 'location' },
  { kind: 'event', label: 'Events', icon: 'calendar' },
  { kind: 'work', label: 'Works', icon: 'book' },
];

const MENTION_ICONS: Record<MentionRow['kind'], string> = {
  mention: 'mention',
  turn: 'comment-discussion',
  quotation: 'quote',
  attribution: 'quote',
  metadata: 'symbol-field',
};

type Node =
  | { type: 'group'; kind: EntitySummary['kind']; label: string; icon: string; entities: EntitySummary[] }
  | { type: 'entity'; entity: EntitySummary }
  | { type: 'section'; registry: boolean; groups: DocumentMentions[] }
  | { type: 'document'; group: DocumentMentions }
  | { type: 'mention'; uri: string; mention: MentionRow };

function openCommand(loc: vscode.Location): vscode.Command {
  return { command: 'vscode.open', title: 'Open', arguments: [loc.uri, { selection: loc.range } satisfies vscode.TextDocumentShowOptions] };
}

export class EntitiesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';
  view: vscode.TreeView<Node> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim().toLowerCase();
    if (this.view) this.view.description = this.filter ? `filter: ${this.filter}` : undefined;
    void vscode.commands.executeCommand('setContext', 'histmark.entitiesFiltered', this.filter !== '');
    this.refresh();
  }

  private matches(e: EntitySummary): boolean {
    if (!this.filter) return true;
    return [e.id, e.name, ...e.aliases].some((s) => s.toLowerCase().includes(this.filter));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const client = this.client();
    if (!client) return [];
    if (!node) {
      const entities = (await client.sendRequest<EntitySummary[]>(Requests.entities)).filter((e) => this.matches(e));
      return GROUPS.map((g) => ({ type: 'group' as const, ...g, entities: entities.filter((e) => e.kind === g.kind) })).filter((g) => g.entities.length > 0);
    }
    switch (node.type) {
      case 'group':
        return node.entities.map((entity) => ({ type: 'entity', entity }));
      case 'entity': {
        const groups = await client.sendRequest<DocumentMentions[]>(Requests.entityMentions, { id: node.entity.id });
        return [false, true]
          .map((registry) => ({ type: 'section' as const, registry, groups: groups.filter((g) => g.registry === registry) }))
          .filter((section) => section.groups.length > 0);
      }
      case 'section':
        return node.groups.map((group) => ({ type: 'document', group }));
      case 'document':
        return node.group.mentions.map((mention) => ({ type: 'mention', uri: node.group.uri, mention }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.entities.length);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, e.mentions > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = e.counts;
        item.tooltip = `@${e.id}${e.aliases.length ? ` · also ${e.aliases.join('; ')}` : ''}\n${e.counts}`;
        item.iconPath = new vscode.ThemeIcon(GROUPS.find((g) => g.kind === e.kind)!.icon);
        item.command = openCommand(toLocation(e.definition.uri, e.definition.range));
        item.contextValue = 'entity';
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.registry ? 'In the registry' : 'In transcripts', vscode.TreeItemCollapsibleState.Expanded);
        const count = node.groups.reduce((sum, g) => sum + g.mentions.length, 0);
        item.description = `${count} in ${node.groups.length} ${node.registry ? 'file' : 'transcript'}${node.groups.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(node.registry ? 'book' : 'files');
        return item;
      }
      case 'document': {
        const uri = vscode.Uri.parse(node.group.uri);
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${node.group.mentions.length}`;
        return item;
      }
      case 'mention': {
        const { mention } = node;
        const loc = toLocation(node.uri, mention.range);
        const item = new vscode.TreeItem({ label: mention.context, highlights: mention.highlight ? [mention.highlight] : [] });
        item.description = `${mention.kindLabel} · line ${loc.range.start.line + 1}`;
        item.tooltip = `${mention.kindLabel}: ${mention.context}`;
        item.iconPath = new vscode.ThemeIcon(MENTION_ICONS[mention.kind]);
        item.command = openCommand(loc);
        return item;
      }
    }
  }
}
