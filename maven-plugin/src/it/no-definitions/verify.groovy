String text = new File(basedir, 'build.log').text
String folder = new File(basedir, 'src/main/openapi').absolutePath
assert text.contains("Turnpike: no OpenAPI definition (*.yaml, *.yml, *.json) in $folder. Put one there, or list files in the plugin's <definitions>.")
return true
