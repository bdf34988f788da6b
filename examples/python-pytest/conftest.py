"""pytest fixtures: one batchops-local-aws per test session, and boto3 clients pointed at it.

The command comes from `npm install -D <tarball>` (node_modules/.bin), `npm install -g`, or the
variable BATCHOPS_LOCAL_AWS_COMMAND. It listens on a free port (--port 0) in a temporary data
directory that it removes when it stops.
"""

import os
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

ACCOUNT_ID = "000000000000"
REGION = "us-east-1"
# local-aws's default key: the root of account 000000000000.
KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


def _command():
    if os.environ.get("BATCHOPS_LOCAL_AWS_COMMAND"):
        return os.environ["BATCHOPS_LOCAL_AWS_COMMAND"]
    for folder in [Path.cwd(), *Path.cwd().parents]:
        local = folder / "node_modules" / ".bin" / "batchops-local-aws"
        if local.exists():
            return str(local)
    found = shutil.which("batchops-local-aws")
    if not found:
        pytest.fail("batchops-local-aws not found: npm install -D <tarball>, or set BATCHOPS_LOCAL_AWS_COMMAND")
    return found


@pytest.fixture(scope="session")
def local_aws_url():
    proc = subprocess.Popen(
        [_command(), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = None
    deadline = time.monotonic() + 30
    while url is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        match = re.match(r"^BATCHOPS_LOCAL_AWS_URL=(\S+)$", line.strip())
        url = match.group(1) if match else None
    if url is None:
        proc.kill()
        pytest.fail("batchops-local-aws did not print its URL")
    # Ready when the health check answers (it already does once the URL is printed).
    with urllib.request.urlopen(f"{url}/_batchops/health", timeout=5) as health:
        assert health.status == 200
    yield url
    proc.terminate()
    assert proc.wait(timeout=30) == 0


def _client(service, url, **config):
    return boto3.client(
        service, endpoint_url=url, region_name=REGION, config=Config(**config), **KEYS
    )


@pytest.fixture(scope="session")
def s3(local_aws_url):
    return _client("s3", local_aws_url, s3={"addressing_style": "path"})


@pytest.fixture(scope="session")
def s3control(local_aws_url):
    # S3 Control puts the account ID in front of the host (000000000000.127.0.0.1), which does not
    # resolve (its endpoint rules ignore inject_host_prefix=False): this client alone sends through
    # local-aws as its HTTP proxy, which answers that name. NO_PROXY=127.0.0.1 would bypass it.
    return _client("s3control", local_aws_url, proxies={"http": local_aws_url})


@pytest.fixture(scope="session")
def iam(local_aws_url):
    return _client("iam", local_aws_url)


@pytest.fixture(scope="session")
def lambda_client(local_aws_url):
    return _client("lambda", local_aws_url)
