// Any API address no route answers: a JSON 404 like the open-data API's own, not an HTML page.
import { errorResponse } from '@/lib/publications/http';

function unknown() {
  return errorResponse(404, 'not_found', 'no such API address; see /om/data for the open-data API');
}

export const GET = unknown;
export const POST = unknown;
export const HEAD = unknown;
