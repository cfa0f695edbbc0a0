import { DomainError } from '../errors.js';
import { formatNumber } from '../time-format.js';

const MEGABYTE = 1024 * 1024;

/**
 * Refuses a file larger than `maxBytes`, stating both sizes in MB (1 MB = 1024 × 1024 bytes).
 * @throws DomainError INVALID_INPUT
 */
export function assertFileSize(options: { size: number; maxBytes: number }): void {
  const { size, maxBytes } = options;
  if (size <= maxBytes) return;
  // Round the file up and the limit down, so a file just over the limit never reads "50 MB … 50 MB".
  const sizeMb = Math.ceil((size / MEGABYTE) * 10) / 10;
  const limitMb = Math.floor((maxBytes / MEGABYTE) * 10) / 10;
  throw new DomainError('INVALID_INPUT', {
    message: `file of ${size} bytes exceeds the limit of ${maxBytes} bytes`,
    userMessage: {
      sv: `Filen är ${formatNumber(sizeMb, 'sv')} MB. Största tillåtna storlek är ${formatNumber(limitMb, 'sv')} MB. Minska filen eller dela upp den och försök igen.`,
      en: `The file is ${formatNumber(sizeMb, 'en')} MB. The largest allowed size is ${formatNumber(limitMb, 'en')} MB. Make the file smaller or split it up and try again.`,
    },
  });
}
