"""pytest plugin for ceph/s3-tests against local-aws: the suite's bucket defaults and its in-scope selection.

Loaded with `-p batchops_s3tests_plugin` (scripts/s3-tests/run.sh puts this folder on PYTHONPATH).
"""

import fnmatch
import os
import re

import botocore.session

_ACL_PARAMS = ('ACL', 'GrantFullControl', 'GrantRead', 'GrantReadACP', 'GrantWrite', 'GrantWriteACP')


def _before_create_bucket(params, context, **_):
    # The suite was written for buckets with ACLs on and no Block Public Access (S3 before April 2023):
    # ask for them as an AWS user would, and hold a canned/granted ACL until Block Public Access is off.
    params.setdefault('ObjectOwnership', 'ObjectWriter')
    context['batchops_acl'] = {k: params.pop(k) for k in _ACL_PARAMS if k in params}


def _after_create_bucket(http_response, parsed, model, context, **kwargs):
    if http_response.status_code != 200:
        return
    client, bucket = context['batchops_client'], context['batchops_bucket']
    client.delete_public_access_block(Bucket=bucket)
    if context.get('batchops_acl'):
        client.put_bucket_acl(Bucket=bucket, **context['batchops_acl'])


def _remember_target(params, context, **_):
    context['batchops_bucket'] = params['Bucket']


_create_client = botocore.session.Session.create_client


def _create_client_with_defaults(self, service_name, *args, **kwargs):
    client = _create_client(self, service_name, *args, **kwargs)
    if service_name == 's3':
        events = client.meta.events
        events.register('before-parameter-build.s3.CreateBucket', _before_create_bucket)
        events.register('before-parameter-build.s3.CreateBucket', _remember_target)
        events.register(
            'before-call.s3.CreateBucket',
            lambda context, **_: context.__setitem__('batchops_client', client),
        )
        events.register('after-call.s3.CreateBucket', _after_create_bucket)
    return client


botocore.session.Session.create_client = _create_client_with_defaults


def _deselected():
    """Name patterns of the deselect list (one a line, `name  # reason`, `*` globs; `#` lines are comments)."""
    path = os.path.join(os.path.dirname(__file__), 'deselect.txt')
    with open(path, encoding='utf-8') as f:
        names = (re.sub(r'#.*', '', line).strip() for line in f)
        return {n for n in names if n}


def pytest_collection_modifyitems(config, items):
    patterns = _deselected()
    out = {i.name for i in items if any(fnmatch.fnmatchcase(i.name, p) for p in patterns)}
    kept = [i for i in items if i.name not in out]
    dropped = [i for i in items if i.name in out]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
