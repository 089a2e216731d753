package io.claimbench.models;

/** Replays a recording; a prompt it lacks is an error for that item. */
final class RecordedEndpoint implements ChatEndpoint {

    private final String name;
    private final Recording recording;

    RecordedEndpoint(String name, Recording recording) {
        this.name = name;
        this.recording = recording;
    }

    @Override
    public Generation generate(GenerationRequest request) {
        return recording.answer(request.sourceId(), request.user())
                .map(text -> new Generation(text, 0, null, null, null))
                .orElseThrow(() -> new EndpointException(EndpointException.Kind.NOT_RECORDED, null, null,
                        name + ": the recording (" + recording.format() + ", " + recording.size()
                                + " answers) has no answer for this prompt"));
    }
}
