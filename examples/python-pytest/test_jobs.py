"""S3 Batch Operations jobs created with boto3 against batchops-local-aws."""

import csv
import io
import json
import time
import urllib.parse
import zipfile

import pytest

from conftest import ACCOUNT_ID

BUCKET = "example-py"
KEYS = ["docs/a.txt", "docs/b.txt", "with space.txt"]
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "batchoperations.s3.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}


@pytest.fixture(scope="module")
def manifest_etag(s3):
    """A bucket with three objects and a CSV manifest of them (bucket,key; keys URL-encoded)."""
    s3.create_bucket(Bucket=BUCKET)
    for key in KEYS:
        s3.put_object(Bucket=BUCKET, Key=key, Body=key.encode())
    body = "\n".join(f"{BUCKET},{urllib.parse.quote(k)}" for k in KEYS)
    return s3.put_object(Bucket=BUCKET, Key="manifest.csv", Body=body.encode())["ETag"]


def _role(iam, name, actions):
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"]
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}
    iam.put_role_policy(RoleName=name, PolicyName="job", PolicyDocument=json.dumps(policy))
    return arn


def _run(s3control, s3, role_arn, etag, operation, token):
    job_id = s3control.create_job(
        AccountId=ACCOUNT_ID,
        ConfirmationRequired=False,
        Priority=10,
        RoleArn=role_arn,
        ClientRequestToken=token,
        Operation=operation,
        Manifest={
            "Spec": {"Format": "S3BatchOperations_CSV_20180820", "Fields": ["Bucket", "Key"]},
            "Location": {"ObjectArn": f"arn:aws:s3:::{BUCKET}/manifest.csv", "ETag": etag},
        },
        Report={
            "Enabled": True,
            "Bucket": f"arn:aws:s3:::{BUCKET}",
            "Prefix": "reports",
            "Format": "Report_CSV_20180820",
            "ReportScope": "AllTasks",
        },
    )["JobId"]
    status = None
    for _ in range(300):
        status = s3control.describe_job(AccountId=ACCOUNT_ID, JobId=job_id)["Job"]["Status"]
        if status in ("Complete", "Failed"):
            break
        time.sleep(0.1)
    assert status == "Complete", s3control.describe_job(AccountId=ACCOUNT_ID, JobId=job_id)["Job"].get("FailureReasons")
    # The completion report: reports/job-<id>/results/*.csv, one row per task.
    rows = []
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix=f"reports/job-{job_id}/results/")
    for obj in listed.get("Contents", []):
        text = s3.get_object(Bucket=BUCKET, Key=obj["Key"])["Body"].read().decode()
        rows.extend(csv.reader(io.StringIO(text)))
    return rows


def test_tagging_job(s3, s3control, iam, manifest_etag):
    role = _role(iam, "example-py-tagging", ["s3:GetObject", "s3:PutObjectTagging", "s3:PutObject", "s3:GetBucketLocation"])
    operation = {"S3PutObjectTagging": {"TagSet": [{"Key": "checked", "Value": "py"}]}}
    rows = _run(s3control, s3, role, manifest_etag, operation, "py-tagging-1")
    # Each row: bucket, key (URL-encoded), version ID, task status, error code, HTTP status, message.
    assert sorted(urllib.parse.unquote(r[1]) for r in rows) == sorted(KEYS)
    assert all(r[3] == "succeeded" for r in rows)
    tags = s3.get_object_tagging(Bucket=BUCKET, Key="with space.txt")["TagSet"]
    assert tags == [{"Key": "checked", "Value": "py"}]


HANDLER = """
export const handler = async (event) => ({
  invocationSchemaVersion: '1.0',
  treatMissingKeysAs: 'PermanentFailure',
  invocationId: event.invocationId,
  results: event.tasks.map((t) => ({ taskId: t.taskId, resultCode: 'Succeeded', resultString: 'seen ' + t.s3Key })),
});
"""


def test_lambda_invoke_job(s3, s3control, iam, lambda_client, manifest_etag):
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as z:
        z.writestr("index.mjs", HANDLER)
    fn_role = _role(iam, "example-py-function", ["s3:GetObject"])
    arn = lambda_client.create_function(
        FunctionName="example-py-echo",
        Runtime="nodejs20.x",
        Handler="index.handler",
        Role=fn_role,
        Code={"ZipFile": code.getvalue()},
    )["FunctionArn"]
    job_role = _role(iam, "example-py-invoke", ["lambda:InvokeFunction", "s3:GetObject", "s3:PutObject", "s3:GetBucketLocation"])
    rows = _run(s3control, s3, job_role, manifest_etag, {"LambdaInvoke": {"FunctionArn": arn}}, "py-invoke-1")
    # The function saw each key (URL-encoded in the event, as on AWS) and its resultString is reported.
    assert sorted(r[6] for r in rows) == sorted(f"seen {urllib.parse.quote(k)}" for k in KEYS)
    assert all(r[3] == "succeeded" for r in rows)
