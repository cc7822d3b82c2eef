// The error bodies MTN's gateway and APIs answer with, in their four shapes.
export const gatewayMissingKey = {
  statusCode: 401,
  message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
};
export const gatewayInvalidKey = {
  statusCode: 401,
  message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
};
export const gatewayInvalidToken = { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' };
export const gatewayUnknownOperation = { statusCode: 404, message: 'Resource not found' };
export const gatewayRateLimited = (seconds: number) => ({ statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` });

export const duplicateReference = { code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' };
export const notFound = { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' };
export const internalError = { code: 'INTERNAL_PROCESSING_ERROR', message: 'An internal error occurred while processing.' };
export const serviceUnavailable = { code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable.' };
export const invalidCurrency = { code: 'INVALID_CURRENCY', message: 'Currency not supported.' };
export const wrongEnvironment = { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT', message: 'Access to target environment is forbidden.' };
export const invalidCallbackHost = { code: 'INVALID_CALLBACK_URL_HOST', message: 'Callback URL with different host than what was configured for the API user.' };
export const loginFailed = { error: 'login_failed' };
