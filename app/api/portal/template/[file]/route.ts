// The company list's templates (lib/submissions/template.ts): the same for everyone, built once.
import {
  companyListTemplateCsv,
  companyListTemplateXlsx,
  isTemplateFile,
  TEMPLATE_FILES,
} from '@/lib/submissions/template';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(TEMPLATE_FILES).map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!isTemplateFile(file)) return new Response('Not found', { status: 404 });
  const { locale, format } = TEMPLATE_FILES[file];
  const disposition = `attachment; filename="${file}"`;
  if (format === 'csv')
    return new Response(companyListTemplateCsv(locale), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition },
    });
  return new Response(new Uint8Array(await companyListTemplateXlsx(locale)), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': disposition,
    },
  });
}
