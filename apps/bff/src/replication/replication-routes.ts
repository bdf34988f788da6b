import {
  BucketParams,
  DeleteReplicationRuleQuery,
  RuleIdParams,
  SaveReplicationRuleRequest,
} from '@batchops/contracts';
import { Router } from 'express';
import type { JobsServiceDeps } from '../jobs/jobs-service-deps.js';
import { deleteRule, getReplication, saveRule } from './replication-service.js';

/** /api/buckets/:bucket/replication…: the rules, one at a time (Batch Replication jobs go through POST /api/jobs). */
export function replicationRoutes(deps: JobsServiceDeps): Router {
  const router = Router();
  const s3 = () => deps.clientsFor().s3;
  router.get('/:bucket/replication', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.json(await getReplication(s3(), bucket));
  });
  router.post('/:bucket/replication/rules', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res
      .status(201)
      .json(await saveRule(s3(), bucket, null, SaveReplicationRuleRequest.parse(req.body ?? {})));
  });
  router.put('/:bucket/replication/rules/:ruleId', async (req, res) => {
    const { bucket, ruleId } = BucketParams.extend(RuleIdParams.shape).parse(req.params);
    res.json(await saveRule(s3(), bucket, ruleId, SaveReplicationRuleRequest.parse(req.body ?? {})));
  });
  router.delete('/:bucket/replication/rules/:ruleId', async (req, res) => {
    const { bucket, ruleId } = BucketParams.extend(RuleIdParams.shape).parse(req.params);
    const { revision } = DeleteReplicationRuleQuery.parse(req.query);
    res.json(await deleteRule(s3(), bucket, ruleId, revision));
  });
  return router;
}
