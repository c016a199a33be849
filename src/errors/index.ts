export { clip, ISSUE_CODES, type Issue, type IssueCode, issue } from './issue.js';
export { ListQueryError } from './list-query-error.js';
export {
  MAX_REPORTED_ISSUES,
  mergeIssues,
  type ReportedIssues,
  reportIssues,
} from './report-issues.js';
