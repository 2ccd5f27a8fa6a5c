import { Descriptions, Image, Typography } from 'antd';
import type { ViewField, ViewSection } from '../api/types';

const TONE_TYPES = { warning: 'warning', danger: 'danger', success: 'success' } as const;

function FieldValue({ field }: { field: ViewField }) {
  if (field.type === 'image' && field.url) return <Image src={field.url} width={72} alt={field.label} />;
  if (field.type === 'link' && field.url) {
    return (
      <Typography.Link href={field.url} target="_blank" rel="noreferrer">
        {field.value}
      </Typography.Link>
    );
  }
  const type = field.tone && field.tone !== 'normal' ? TONE_TYPES[field.tone] : undefined;
  return <Typography.Text type={type}>{field.value}</Typography.Text>;
}

/** The server's sections as they come: a title and labelled values, nothing interpreted here. */
export function ViewSections({ sections, columns = 2 }: { sections: ViewSection[]; columns?: number }) {
  return (
    <>
      {sections.map((section) => (
        <Descriptions
          key={section.key}
          className={`view-section view-section--${section.key.replace(/\./g, '-')}`}
          title={section.title}
          size="small"
          bordered
          column={columns}
          style={{ marginBottom: 16 }}
          items={section.fields.map((field, index) => ({
            key: `${field.label}-${index}`,
            label: field.label,
            children: <FieldValue field={field} />,
          }))}
        />
      ))}
    </>
  );
}
