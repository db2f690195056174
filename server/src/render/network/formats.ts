// The entity network as files graph tools open: GEXF 1.3 (Gephi), GraphML
// (Cytoscape desktop, yEd) and two CSV tables (Palladio, Gephi's spreadsheet
// import). Every escape goes through the XML writer or `csvField`.

import { XmlWriter } from '../xmlWriter';
import type { Network, NetworkEdge, NetworkNode, NodeCounts } from './graph';

export type NetworkFormat = 'gexf' | 'graphml' | 'csv';
export const NETWORK_FORMATS: readonly NetworkFormat[] = ['gexf', 'graphml', 'csv'];

export const GEXF_NAMESPACE = 'http://gexf.net/1.3';
export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const COUNTS: readonly (keyof NodeCounts)[] = ['mentions', 'quotations', 'turns', 'documents'];

/** Directed quotes and mentions; co-occurrence has no direction. */
function directed(edge: NetworkEdge): boolean {
  return edge.type !== 'co-occurs';
}

/** An edge's documents in one attribute value. */
function documentList(edge: NetworkEdge): string {
  return edge.documents.join('; ');
}

function edgeId(i: number): string {
  return `e${i}`;
}

export function gexf(network: Network): string {
  const w = new XmlWriter().declaration();
  w.start('gexf', { xmlns: GEXF_NAMESPACE, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd`, version: '1.3' });
  w.newline().start('meta').newline().element('creator', {}, 'Histmark').newline().element('description', {}, 'Who quotes whom, who mentions whom, who is named with whom').endOnNewLine();
  w.newline().start('graph', { defaultedgetype: 'directed', mode: 'static' });
  w.newline().start('attributes', { class: 'node' });
  w.newline().empty('attribute', { id: 'kind', title: 'kind', type: 'string' });
  w.newline().empty('attribute', { id: 'name', title: 'name', type: 'string' });
  for (const key of COUNTS) w.newline().empty('attribute', { id: key, title: key, type: 'integer' });
  w.endOnNewLine();
  w.newline().start('attributes', { class: 'edge' });
  w.newline().empty('attribute', { id: 'type', title: 'type', type: 'string' });
  w.newline().empty('attribute', { id: 'uncertain', title: 'uncertain', type: 'integer' });
  w.newline().empty('attribute', { id: 'documents', title: 'documents', type: 'string' });
  w.endOnNewLine();
  w.newline().start('nodes');
  for (const node of network.nodes) {
    w.newline().start('node', { id: node.id, label: node.name }).start('attvalues');
    w.empty('attvalue', { for: 'kind', value: node.kind }).empty('attvalue', { for: 'name', value: node.name });
    for (const key of COUNTS) w.empty('attvalue', { for: key, value: String(node.counts[key]) });
    w.end().end();
  }
  w.endOnNewLine();
  w.newline().start('edges');
  network.edges.forEach((edge, i) => {
    w.newline().start('edge', { id: edgeId(i), source: edge.source, target: edge.target, type: directed(edge) ? 'directed' : 'undirected', kind: edge.type, label: edge.type, weight: String(edge.weight) });
    w.start('attvalues').empty('attvalue', { for: 'type', value: edge.type }).empty('attvalue', { for: 'uncertain', value: String(edge.uncertain) }).empty('attvalue', { for: 'documents', value: documentList(edge) });
    w.end().end();
  });
  w.endOnNewLine();
  w.endOnNewLine();
  w.endOnNewLine();
  return w.toString() + '\n';
}

export function graphml(network: Network): string {
  const w = new XmlWriter().declaration();
  w.start('graphml', { xmlns: GRAPHML_NAMESPACE, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${GRAPHML_NAMESPACE} ${GRAPHML_NAMESPACE}/1.0/graphml.xsd` });
  const key = (id: string, domain: 'node' | 'edge', name: string, type: 'string' | 'int') => w.newline().empty('key', { id, for: domain, 'attr.name': name, 'attr.type': type });
  key('kind', 'node', 'kind', 'string');
  key('name', 'node', 'name', 'string');
  for (const count of COUNTS) key(count, 'node', count, 'int');
  key('type', 'edge', 'type', 'string');
  key('weight', 'edge', 'weight', 'int');
  key('uncertain', 'edge', 'uncertain', 'int');
  key('documents', 'edge', 'documents', 'string');
  w.newline().start('graph', { id: 'histmark', edgedefault: 'directed' });
  for (const node of network.nodes) {
    w.newline().start('node', { id: node.id });
    w.element('data', { key: 'kind' }, node.kind).element('data', { key: 'name' }, node.name);
    for (const count of COUNTS) w.element('data', { key: count }, String(node.counts[count]));
    w.end();
  }
  network.edges.forEach((edge, i) => {
    w.newline().start('edge', { id: edgeId(i), source: edge.source, target: edge.target, directed: String(directed(edge)) });
    w.element('data', { key: 'type' }, edge.type).element('data', { key: 'weight' }, String(edge.weight));
    w.element('data', { key: 'uncertain' }, String(edge.uncertain)).element('data', { key: 'documents' }, documentList(edge));
    w.end();
  });
  w.endOnNewLine();
  w.endOnNewLine();
  return w.toString() + '\n';
}

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab or CR first) gets a leading `'`, as OWASP advises.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvTable(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** `nodes.csv` and `edges.csv`, with the column names Gephi's import recognises (Id, Label, Source, Target, Type, Weight). */
export function csvTables(network: Network): { nodes: string; edges: string } {
  const nodeRow = (n: NetworkNode) => [n.id, n.name, n.kind, ...COUNTS.map((c) => n.counts[c])];
  const edgeRow = (e: NetworkEdge) => [e.source, e.target, directed(e) ? 'Directed' : 'Undirected', e.weight, e.type, e.uncertain, documentList(e)];
  return {
    nodes: csvTable(['Id', 'Label', 'Kind', 'Mentions', 'Quotations', 'Turns', 'Documents'], network.nodes.map(nodeRow)),
    edges: csvTable(['Source', 'Target', 'Type', 'Weight', 'Relation', 'Uncertain', 'Documents'], network.edges.map(edgeRow)),
  };
}
