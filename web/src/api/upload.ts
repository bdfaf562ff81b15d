// Raw-body uploads through XMLHttpRequest, which (unlike fetch) reports upload progress. The body
// (a File, Blob or ArrayBuffer) is sent byte for byte, so a GBK file reaches the server unchanged.
import { ApiError, NETWORK_ERROR_STATUS, notifyUnauthenticated } from './client';

export interface UploadResponse {
  status: number;
  /** The parsed JSON body (a result or problem+json), or null when there was none. */
  body: unknown;
}

export interface UploadOptions {
  contentType: string;
  /** Bytes sent so far and the total (null when the browser cannot tell). */
  onProgress?(loaded: number, total: number | null): void;
  /** Called once the whole body has been sent, while the server works on it. */
  onSent?(): void;
}

export function uploadRaw(url: string, body: Blob | ArrayBuffer, options: UploadOptions): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : null));
    xhr.upload.addEventListener('load', () => options.onSent?.());
    xhr.addEventListener('load', () => {
      if (xhr.status === 401) notifyUnauthenticated();
      resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    });
    const fail = (): void => reject(new ApiError(NETWORK_ERROR_STATUS, { detail: 'upload failed' }));
    xhr.addEventListener('error', fail);
    xhr.addEventListener('abort', fail);
    xhr.addEventListener('timeout', fail);
    xhr.send(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
