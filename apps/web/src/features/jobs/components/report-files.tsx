import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useNavigate } from 'react-router';
import { InAppLink } from '../../../components/in-app-link';
import { downloadObjectHref } from '../../../components/s3-browser/api/download-object';
import { paths } from '../../../config/navigation';

const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1);

/** The report's files: each opens its folder in the bucket browser, and downloads. */
export function ReportFiles({ bucket, files }: { bucket: string; files: readonly string[] }) {
  const navigate = useNavigate();
  return (
    <ul aria-label="Report files" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {files.map((key) => (
        <li key={key}>
          <SpaceBetween direction="horizontal" size="xs">
            <InAppLink
              href={paths.bucketFolder(bucket, folderOf(key))}
              onFollow={(href) => void navigate(href)}
            >
              {`s3://${bucket}/${key}`}
            </InAppLink>
            <Button
              variant="inline-link"
              iconName="download"
              href={downloadObjectHref({ bucket, key })}
              ariaLabel={`Download ${key.slice(key.lastIndexOf('/') + 1)}`}
              // A same-origin attachment: the browser saves it, the page stays.
              download
            >
              Download
            </Button>
          </SpaceBetween>
        </li>
      ))}
    </ul>
  );
}
