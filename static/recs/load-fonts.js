// Bootstrap Italia's fonts, from where the site serves them (the script tag says where).
bootstrap.loadFonts(document.currentScript.dataset.fonts);
