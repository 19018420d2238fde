"""The Textual applications: the host console, the projector display, practice. The only
package that imports textual."""

# How pictures may be drawn (``--images``): "auto" asks the terminal; see
# quizhall.tui.widgets.picture. Kept here, where importing costs nothing, for the commands.
PICTURE_PROTOCOLS = ("auto", "kitty", "sixel", "halfcell", "off")
