"""The Textual applications: the host console, the projector display, practice. The only
package that imports textual."""
