declare const plugin: import('../dist/src/plugin.js').PhiPlugin;
export = plugin;
