// The fixtures drive Debian's chromium: no browser is downloaded at install.
module.exports = { skipDownload: true };
