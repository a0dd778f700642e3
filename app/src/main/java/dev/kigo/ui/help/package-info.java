/** Help › User guide and Keyboard shortcuts: the guide (docs/user-guide.md, shipped in the jar) shown in a window. */
package dev.kigo.ui.help;
