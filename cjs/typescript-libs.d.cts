declare const libFiles: readonly { fileName: string; text: string }[];
export = libFiles;
