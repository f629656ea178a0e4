/**
 * `@tenure/core/status`: the workspace's status (rows, dates, last imports, the headline churn) without the metric
 * catalogue, the models or prediction, which `tenure status` never runs; the headline churn loads them only when
 * its stored figure is out of date.
 */
export {
  type EntityStatus,
  type HeadlineChurn,
  headlineChurn,
  workspaceStatus,
} from '../workspace/status.ts';
export { type Workspace, withWorkspace } from '../workspace/workspace.ts';
