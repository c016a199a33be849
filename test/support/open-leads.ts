/**
 * The `leads` preset with the opt-in query language turned on, the way
 * docs/resources.md shows it: `ne`/`nin` on the enums, the label and the
 * value, the text operators and `ne` on the contact fields, case-insensitive
 * order on name and email, and `all-words` search. The preset itself stays
 * exactly the contract.
 */
import { defineResource, leads } from '../../src/index.js';

const f = leads.definition.fields;
const TEXT_OPS = ['eq', 'ne', 'contains', 'startsWith', 'endsWith'] as const;

export const openLeads = defineResource({
  ...leads.definition,
  name: 'open-leads',
  fields: {
    ...f,
    name: { ...f.name, filter: TEXT_OPS, caseInsensitiveSort: true },
    email: { ...f.email, filter: [...TEXT_OPS, 'exists'], caseInsensitiveSort: true },
    phone: { ...f.phone, filter: ['contains', 'startsWith', 'endsWith'] },
    status: { ...f.status, filter: ['eq', 'ne', 'nin'] },
    source: { ...f.source, filter: ['eq', 'nin'] },
    labelId: { ...f.labelId, filter: ['eq', 'ne', 'nin'] },
    value: { ...f.value, filter: [...(f.value.filter ?? []), 'ne', 'nin'] },
    website: { ...f.website, filter: ['eq', 'ne', 'contains'] },
    ad_storage: { ...f.ad_storage, filter: ['eq', 'ne'] },
    qualifiedAt: { ...f.qualifiedAt, filter: [...(f.qualifiedAt.filter ?? []), 'ne'] },
  },
  search: { mode: 'all-words' },
});
