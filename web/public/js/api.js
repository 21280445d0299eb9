// The JSON API, with its errors as exceptions carrying code and message.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  const url = `/api/${path}${query.toString() ? '?' + query : ''}`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await response.json(); } catch { /* an empty or non-JSON body */ }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: 'error', message: response.statusText };
    throw new ApiError(response.status, error.code, error.message);
  }
  return body;
}
