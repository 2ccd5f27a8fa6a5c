/** The API server also serves the H5 app, so H5 calls its own origin: `/api/...` with no host. */
export const API_BASE_URL = '';
