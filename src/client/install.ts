/**
 * The resource builders as `listql/client` and the package root export
 * them: the resource layer's own, plus the installing of the client's
 * group and relation code (`capabilities.ts`) for the resources that have
 * groups or relations. Only these builders make such resources, so a
 * bundle that uses none of them (the `leads` preset alone) carries none of
 * that code; the resources returned are the resource layer's, unchanged.
 */
import { buildResource as build } from '../resource/build-resource.js';
import { defineResource as define } from '../resource/define-resource.js';
import { labeledLeads as labeled } from '../resource/presets/labeled-leads.js';
import type { Resource } from '../resource/types.js';
import { capabilities } from './capabilities.js';
import { printGroup } from './print-groups.js';
import { readGroupText } from './read-group-text.js';
import { pathNames, pathTarget } from './relation-paths.js';

/** Installs what `resource` needs of the client, and returns it as it is. */
export function withClientCapabilities<R extends Resource>(resource: R): R {
  if (resource.groups !== null) {
    capabilities.group = printGroup;
    capabilities.readGroup = readGroupText;
  }
  if (resource.relationList.length > 0) {
    capabilities.path = pathTarget;
    capabilities.paths = pathNames;
  }
  return resource;
}

const installing = <B extends (...args: never[]) => Resource>(builder: B): B =>
  ((...args: Parameters<B>) => withClientCapabilities(builder(...args))) as B;

/** {@link define | The resource layer's defineResource}, installing the client's group and relation code where needed. */
export const defineResource = /* @__PURE__ */ installing(define);
/** {@link build | The resource layer's buildResource}, installing the client's group and relation code where needed. */
export const buildResource = /* @__PURE__ */ installing(build);
/** The `labeledLeads` preset, with the client's group and relation code installed. */
export const labeledLeads = /* @__PURE__ */ withClientCapabilities(labeled);
