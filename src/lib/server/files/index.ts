/** The application's file store, from FILES_DIR: one per process, as the database is. */
import { fileSettings } from './file.settings';
import { localFileStorage, type FileStorage } from './file.storage';

let storage: FileStorage | null = null;

export function fileStorage(): FileStorage {
	storage ??= localFileStorage(fileSettings().directory);
	return storage;
}
