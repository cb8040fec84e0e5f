import { downloadBlob } from './format';

/** Files a person attaches (a bid's documents, a community's library): sizes in words, reading and saving base64. */

export const sizeText = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export const downloadBase64 = (name: string, base64: string) => downloadBlob(name, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
