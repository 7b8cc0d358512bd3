// Jingzhi's configuration of the Camunda welcome webapp (replaces the webjar's default config.js).
// Chinese for browsers that prefer it (zh, zh-CN), English otherwise.
export default {
  app: {
    name: '欢迎',
    vendor: '精治'
  },
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
